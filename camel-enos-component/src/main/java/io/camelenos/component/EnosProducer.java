package io.camelenos.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.PaginationStyle;
import io.camelenos.component.client.EnosReply;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.client.PageIterator;
import io.camelenos.component.client.Pages;
import io.camelenos.component.health.EnosProducerHealthCheck;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.URISupport;

/**
 * Calls the endpoint's operation, whatever it is: the catalogue entry says how. Puts {@code data} in the body and the
 * request id, code and paging facts in headers; with {@code fetchAll} the body is a lazy iterator over every record.
 */
public class EnosProducer extends DefaultProducer {

    private final EnosOperation op;
    private final EnosConfiguration configuration;
    private final EnosRequestFactory requests;
    private final EnosResultMapper results;
    private final EnosDownloadFollower downloads;
    /** Runs the page requests of fetchAll (null: page after page in the splitter's thread). */
    private ExecutorService pageExecutor;
    private EnosProducerHealthCheck health;

    public EnosProducer(EnosEndpoint endpoint) {
        super(endpoint);
        this.op = endpoint.getResolvedOperation();
        this.configuration = endpoint.getConfiguration();
        this.requests = new EnosRequestFactory(endpoint.getComponent().getMapper(), op, configuration);
        this.results = new EnosResultMapper(endpoint.getComponent().getMapper(), configuration.getOutputType());
        this.downloads = configuration.isFollowDownload()
                ? new EnosDownloadFollower(endpoint.getComponent().getMapper(), configuration, this::isStoppingOrStopped)
                : null;
    }

    @Override
    public EnosEndpoint getEndpoint() {
        return (EnosEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.isFetchAll() && op.pagination() != PaginationStyle.NONE
            && configuration.getParallelPages() > 1) {
            pageExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "EnosPages", configuration.getParallelPages());
        }
        health = EnosProducerHealthCheck.register(getEndpoint().getCamelContext(),
                URISupport.sanitizeUri(getEndpoint().getEndpointUri()), getEndpoint().createProbe(),
                getEndpoint().getComponent().isHealthCheckProducerEnabled());
    }

    @Override
    protected void doStop() throws Exception {
        EnosProducerHealthCheck.unregister(getEndpoint().getCamelContext(), health);
        health = null;
        if (pageExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(pageExecutor);
            pageExecutor = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        JsonNode baseBody = requests.messageBody(in);
        PageCursor cursor = cursor(in);
        if (configuration.isFetchAll() && op.pagination() != PaginationStyle.NONE) {
            fetchAll(in, baseBody, cursor);
        } else {
            EnosReply reply = getEndpoint().getClient().send(requests.create(in, baseBody, cursor));
            if (downloads != null) {
                reply = downloads.follow(getEndpoint().getClient(), exchange, reply);
            }
            setHeaders(in, reply);
            setBody(in, reply);
        }
    }

    private void setBody(Message in, EnosReply reply) {
        switch (op.result()) {
            case DATA -> in.setBody(results.convert(reply.data()));
            case ANSWER -> in.setBody(results.convert(reply.root()));
            case ROWS -> {
                in.setHeader(EnosConstants.COLUMNS, texts(reply.data().path("columns")));
                in.setHeader(EnosConstants.COLUMN_TYPES, texts(reply.data().path("metadata")));
                in.setBody(results.convertEach(PageIterator.items(reply.data(), op.items())));
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private void fetchAll(Message in, JsonNode baseBody, PageCursor first) {
        // the message is copied: the requests of later pages are built while the route changes it
        Message request = in.copy();
        PageIterator records = new PageIterator(getEndpoint().getClient(),
                cursor -> requests.create(request, baseBody, cursor), op, first, pageExecutor,
                configuration.getParallelPages());
        // the first page is fetched now so that a bad request fails here, not inside the splitter
        setHeaders(in, records.fetchFirst());
        in.setBody(new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Object next() {
                return results.convert(records.next());
            }
        });
    }

    /** The page asked for: CamelEnosPage* headers win over the pageNo/pageSize/pageToken options. */
    private PageCursor cursor(Message in) {
        Integer pageNo = in.getHeader(EnosConstants.PAGE_NO, configuration.getPageNo(), Integer.class);
        Integer pageSize = in.getHeader(EnosConstants.PAGE_SIZE, configuration.getPageSize(), Integer.class);
        String pageToken = in.getHeader(EnosConstants.PAGE_TOKEN, configuration.getPageToken(), String.class);
        if (configuration.isFetchAll() && op.pagination() == PaginationStyle.PAGE && pageNo == null) {
            pageNo = op.firstPage(); // following pages need a number to count from
        }
        return new PageCursor(pageNo, pageSize, pageToken);
    }

    private void setHeaders(Message in, EnosReply reply) {
        in.setHeader(EnosConstants.REQUEST_ID, reply.requestId());
        in.setHeader(EnosConstants.CODE, reply.code());
        switch (op.pagination()) {
            case NONE -> {
                // no paging headers
            }
            case PAGE -> {
                JsonNode pagination = Pages.pagination(op, reply);
                setIfPresent(in, EnosConstants.PAGE_NO, pagination.path("pageNo"), Integer.class);
                setIfPresent(in, EnosConstants.PAGE_SIZE, pagination.path("pageSize"), Integer.class);
                long total = Pages.total(pagination);
                if (total >= 0) {
                    in.setHeader(EnosConstants.TOTAL_SIZE, total);
                } else {
                    in.removeHeader(EnosConstants.TOTAL_SIZE);
                }
            }
            case SCROLL -> {
                JsonNode token = reply.data().path("pageToken");
                in.setHeader(EnosConstants.PAGE_TOKEN, token.isTextual() && !token.asText().isEmpty()
                        ? token.asText() : null);
            }
        }
    }

    private static void setIfPresent(Message in, String header, JsonNode value, Class<?> type) {
        if (value.isNumber()) {
            in.setHeader(header, type == Long.class ? (Object) value.asLong() : (Object) value.asInt());
        } else {
            in.removeHeader(header);
        }
    }
}
