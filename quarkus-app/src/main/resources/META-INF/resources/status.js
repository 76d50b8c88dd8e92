// camel-enos status page: polls /api/status (and the chart's telemetry) and redraws in place, no page reload.
// Every text from the server goes in through textContent, never as HTML. ?refresh=<ms> changes the pace (>= 250).
'use strict';

const REFRESH_MS = Math.max(250, Number(new URLSearchParams(location.search).get('refresh')) || 2000);
const CHART_EVERY = Math.max(1, Math.round(10000 / REFRESH_MS)); // the chart follows about every 10 s
const STATES = { running: '⟳ running', idle: '✓ idle', failing: '✕ failing', stopped: '■ stopped', off: '○ off',
                 'not-leader': '◇ not leader' };
// line colours and dash patterns: two lines can be told apart without colour
const LINES = [['#0b5394', ''], ['#b45309', '6 4'], ['#17643a', '2 3'], ['#7b1fa2', '10 3 2 3'],
               ['#a4161a', '1 5']];
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

const $ = (id) => document.getElementById(id);
let refreshes = 0;
let chartAssets = [];

function el(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function ago(iso) {
  if (!iso) return 'never';
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 90) return `${Math.round(seconds)} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  return `${number.format(seconds / 3600)} h ago`;
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return 'n/a';
  if (seconds < 120) return `${number.format(seconds)} s`;
  if (seconds < 7200) return `${number.format(seconds / 60)} min`;
  return `${number.format(seconds / 3600)} h`;
}

function millis(ms) {
  return ms < 1000 ? `${ms} ms` : `${number.format(ms / 1000)} s`;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403
      ? ' (this page needs the same credentials as /api/data/*)' : '';
    throw new Error(`${url} answered HTTP ${response.status}${hint}`);
  }
  return response.json();
}

// ---- header

function showConnection(status) {
  const enos = status.enos;
  const where = enos.mode === 'embedded-emulator' ? `embedded EnOS emulator at ${enos.gatewayUrl}`
    : `EnOS gateway ${enos.gatewayUrl}`;
  $('connection').textContent = `${where} · org ${enos.orgId || 'n/a'} · database ${status.database.kind} `
    + `${status.database.version.split(' ')[0]}`;
  $('updated').textContent = `updated ${new Date(status.generatedAt).toLocaleTimeString('en-GB')}, `
    + `every ${number.format(REFRESH_MS / 1000)} s`;
}

// ---- flows

function fact(list, label, field, text, value) {
  list.append(el('dt', {}, label));
  const dd = el('dd', { 'data-field': field }, text);
  if (value !== undefined) dd.dataset.value = value;
  list.append(dd);
}

function flowCard(flow) {
  const card = el('article', { class: 'flow', 'data-flow': flow.flow, 'data-state': flow.state,
                               'aria-labelledby': `flow-${flow.flow}` });
  const head = el('div', { class: 'flow-head' });
  head.append(el('h3', { id: `flow-${flow.flow}` }, flow.title));
  head.append(el('span', { class: 'state', 'data-field': 'state', 'data-state': flow.state },
    STATES[flow.state] || flow.state));
  card.append(head);
  if (!flow.enabled) {
    card.append(el('p', {}, 'Turned off in the configuration.'));
    return card;
  }
  const facts = el('dl', { class: 'facts' });
  const last = flow.lastPoll;
  fact(facts, 'Last poll', 'last-poll', last
    ? `${ago(last.endedAt)}, ${last.outcome === 'ok' ? 'ok' : 'FAILED'} in ${millis(last.millis)}`
    : 'none yet', last ? last.outcome : 'none');
  const changes = Object.entries(flow.records.byChange).map(([change, n]) => `${number.format(n)} ${change}`);
  fact(facts, 'Records', 'records-total', `${number.format(flow.records.total)} total, `
    + `${number.format(flow.records.lastPoll)} last poll${changes.length > 1 ? ` (${changes.join(', ')})` : ''}`,
    flow.records.total);
  fact(facts, 'Rate', 'rate', flow.recordsPerSecond === null ? 'n/a'
    : `${number.format(flow.recordsPerSecond)} records/s`);
  fact(facts, 'Lag', 'lag', flow.lagSeconds === null ? 'n/a' : `${duration(flow.lagSeconds)} (${flow.lagFrom})`);
  fact(facts, 'Polls every', 'delay', duration(flow.pollEverySeconds));
  fact(facts, 'Retries', 'retries', number.format(flow.retries), flow.retries);
  fact(facts, 'Errors', 'errors', `${flow.errors.poll} polls, ${flow.errors.write} writes`,
    flow.errors.poll + flow.errors.write);
  card.append(facts);
  if (flow.progress) card.append(progress(flow));
  if (flow.lastError) {
    // an error the flow has recovered from stays visible, told apart in words and style
    const past = flow.state !== 'failing';
    const error = el('p', { class: past ? 'last-error past' : 'last-error', 'data-field': 'last-error' });
    error.append(el('strong', {}, `${past ? 'Earlier error' : 'Last error'} (${flow.lastError.stage}, `
      + `${ago(flow.lastError.at)}): `));
    error.append(document.createTextNode(flow.lastError.message));
    card.append(error);
  }
  return card;
}

function progress(flow) {
  const p = flow.progress;
  const box = el('div', { class: 'progress' });
  const id = `progress-${flow.flow}`;
  const label = p.unit !== 'time' ? p.text
    : `${duration(p.done)} of ${duration(p.total)} read since ${new Date(p.from).toISOString().slice(0, 16)}Z`;
  box.append(el('progress', { id, max: '100', value: p.percent.toFixed(1), 'data-field': 'progress',
                              'aria-label': `${flow.title} progress` }));
  box.append(el('div', { class: 'progress-text' }, `${Math.floor(p.percent)} %: ${label}`));
  return box;
}

function showFlows(flows) {
  $('flows').replaceChildren(...flows.map(flowCard));
}

// ---- alerts

function showAlerts(alerts) {
  $('alerts-count').textContent = `(${alerts.active}${alerts.active > alerts.newest.length
    ? `, the newest ${alerts.newest.length}` : ''})`;
  const rows = alerts.newest.map((alert) => {
    const row = el('tr', { 'data-event': alert.eventId });
    row.append(el('td', {}, alert.occurTime ? alert.occurTime.replace('T', ' ').slice(0, 19) : ''));
    row.append(el('td', { title: alert.assetId }, alert.assetName || alert.assetId));
    row.append(el('td', {}, alert.pointId || ''));
    row.append(el('td', {}, alert.severity || ''));
    row.append(el('td', { class: 'content' }, alert.content || ''));
    row.append(el('td', {}, alert.value || ''));
    return row;
  });
  if (rows.length === 0) {
    const row = el('tr');
    row.append(el('td', { colspan: '6' }, 'No active alert.'));
    rows.push(row);
  }
  $('alerts').tBodies[0].replaceChildren(...rows);
}

function showCluster(cluster) {
  $('cluster-section').hidden = !cluster;
  if (cluster) $('cluster').textContent = JSON.stringify(cluster, null, 2);
}

// ---- chart

async function loadChartAssets() {
  chartAssets = await getJson('api/status/telemetry');
  const select = $('chart-asset');
  const chosen = select.value;
  const options = chartAssets.map((asset) => el('option', { value: asset.assetId },
    asset.name ? `${asset.name} (${asset.assetId})` : asset.assetId));
  select.replaceChildren(...options);
  if (chosen && chartAssets.some((asset) => asset.assetId === chosen)) select.value = chosen;
  showPointChoices();
}

function showPointChoices() {
  const asset = chartAssets.find((a) => a.assetId === $('chart-asset').value);
  const box = $('chart-points');
  const checked = new Set([...box.querySelectorAll('input:checked')].map((input) => input.value));
  const keep = asset ? asset.points.some((p) => checked.has(p)) : false;
  const choices = (asset ? asset.points : []).map((point, i) => {
    const label = el('label');
    const input = el('input', { type: 'checkbox', value: point, name: 'point' });
    input.checked = keep ? checked.has(point) : i === 0;
    input.addEventListener('change', () => drawChart().catch(showError));
    label.append(input, document.createTextNode(` ${point}`));
    return label;
  });
  box.replaceChildren(el('legend', {}, 'Points'), ...choices);
}

async function drawChart() {
  const assetId = $('chart-asset').value;
  const points = [...$('chart-points').querySelectorAll('input:checked')].map((input) => input.value);
  const chart = $('chart');
  if (!assetId || points.length === 0) {
    chart.replaceChildren();
    $('chart-legend').replaceChildren();
    $('chart-caption').textContent = assetId ? 'Choose at least one point.' : 'No telemetry in the database yet.';
    return;
  }
  const url = `api/status/telemetry/${encodeURIComponent(assetId)}?points=${points.map(encodeURIComponent).join(',')}`
    + `&samples=${$('chart-samples').value}`;
  plot(await getJson(url));
}

function plot(data) {
  const chart = $('chart');
  const width = Math.max(300, Math.round(chart.getBoundingClientRect().width));
  const height = Math.max(150, Math.round(chart.getBoundingClientRect().height));
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const pad = { left: 56, right: 12, top: 10, bottom: 24 };
  const all = data.series.flatMap((s) => s.samples);
  chart.replaceChildren();
  $('chart-legend').replaceChildren();
  const name = data.name ? `${data.name} (${data.assetId})` : data.assetId;
  if (all.length === 0) {
    $('chart-caption').textContent = `No numeric samples of ${name} in the database.`;
    return;
  }
  const t0 = Math.min(...all.map((s) => s.t)); const t1 = Math.max(...all.map((s) => s.t));
  let v0 = Math.min(...all.map((s) => s.v)); let v1 = Math.max(...all.map((s) => s.v));
  if (v0 === v1) { v0 -= 1; v1 += 1; }
  const x = (t) => pad.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
  const y = (v) => pad.top + (1 - (v - v0) / (v1 - v0)) * (height - pad.top - pad.bottom);
  axes(chart, { width, height, pad, t0, t1, v0, v1 });
  data.series.forEach((series, i) => {
    const [colour, dash] = LINES[i % LINES.length];
    const line = svg('polyline', { fill: 'none', stroke: colour, 'stroke-width': '1.6', 'stroke-dasharray': dash,
      points: series.samples.map((s) => `${x(s.t).toFixed(1)},${y(s.v).toFixed(1)}`).join(' '),
      'data-point': series.pointId, 'data-samples': String(series.samples.length) });
    chart.append(line);
    const item = el('li');
    const key = svg('svg', { width: '28', height: '10', 'aria-hidden': 'true' });
    key.append(svg('line', { x1: '0', y1: '5', x2: '28', y2: '5', stroke: colour, 'stroke-width': '2',
                             'stroke-dasharray': dash }));
    item.append(key, document.createTextNode(` ${series.pointId} (${series.samples.length} samples)`));
    $('chart-legend').append(item);
  });
  $('chart-caption').textContent = `${name}: ${data.series.map((s) => s.pointId).join(', ')} from `
    + `${new Date(t0).toISOString().slice(0, 16)}Z to ${new Date(t1).toISOString().slice(0, 16)}Z`;
}

function axes(chart, { width, height, pad, t0, t1, v0, v1 }) {
  const bottom = height - pad.bottom;
  chart.append(svg('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: bottom }));
  chart.append(svg('line', { class: 'axis', x1: pad.left, y1: bottom, x2: width - pad.right, y2: bottom }));
  const label = (text, attributes) => { const t = svg('text', attributes); t.textContent = text; chart.append(t); };
  label(number.format(v1), { x: pad.left - 4, y: pad.top + 10, 'text-anchor': 'end' });
  label(number.format(v0), { x: pad.left - 4, y: bottom, 'text-anchor': 'end' });
  const time = (t) => new Date(t).toISOString().slice(11, 16);
  label(time(t0), { x: pad.left, y: height - 6, 'text-anchor': 'start' });
  label(time(t1), { x: width - pad.right, y: height - 6, 'text-anchor': 'end' });
}

// ---- the loop

function showError(error) {
  $('banner').textContent = `Status unavailable: ${error.message}. Trying again.`;
  $('banner').hidden = false;
}

async function refresh() {
  try {
    const status = await getJson('api/status');
    showConnection(status);
    showFlows(status.flows);
    showAlerts(status.alerts);
    showCluster(status.cluster);
    if (refreshes % CHART_EVERY === 0 || chartAssets.length === 0) {
      await loadChartAssets();
      await drawChart();
    }
    refreshes++;
    $('banner').hidden = true;
  } catch (error) {
    showError(error);
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

$('chart-asset').addEventListener('change', () => { showPointChoices(); drawChart().catch(showError); });
$('chart-samples').addEventListener('change', () => drawChart().catch(showError));
refresh();
