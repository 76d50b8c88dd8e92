package io.camelenos.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every documented endpoint of the IAM, App Portal, ML, batch, Data Federation and Stream Processing services
 * (the 82 lines of enos-api-endpoints.txt under iam/, app_portal/, ml_service/, dataflow_service/,
 * data_federation/ and streaming/) is served by the emulator with its method and action.
 */
class OtherServicesCoverageTest {

    private static final String[] DOCUMENTED = {
"/app-portal-service/v2.0/asset/append POST", // app_portal/authorize_asset.md
            "/app-portal-service/v2.0/user/authorization/asset/check POST", // app_portal/check_asset_permission.md
            "/app-portal-service/v2.1/session/set POST", // app_portal/choose_organization.md
            "/app-portal-service/v2.1/message/produce POST", // app_portal/create_message.md
            "/app-portal-service/v2.1/user/app/resource/info GET", // app_portal/get_app_menu_and_permission.md
            "/app-portal-service/v2.2/user/list POST", // app_portal/get_app_user_list.md
            "/app-portal-service/v2.1/asset/structure GET", // app_portal/get_asset_structure.md
            "/app-portal-service/v2.1/user/app/asset/tree GET", // app_portal/get_assets_by_app.md
            "/app-portal-service/v2.0/user/asset/list POST", // app_portal/get_assets_by_ou.md
            "/app-portal-service/v2.0/message/enum/colors GET", // app_portal/get_colors_of_the_message_icon.md
            "/app-portal-service/v2.0/organization/user/list POST", // app_portal/get_manag_user_list.md
            "/app-portal-service/v2.0/message/enum/ringtones GET", // app_portal/get_message_ringtones.md
            "/app-portal-service/v2.0/user/organization/list GET", // app_portal/get_organization_list.md
            "/app-portal-service/v2.0/user/organization/roster POST", // app_portal/get_ou_user_list.md
            "/app-portal-service/v2.1/asset/authorize/user/list POST", // app_portal/get_privileged_users_to_asset.md
            "/app-portal-service/v2.1/session/info GET", // app_portal/get_token_information.md
            "/app-portal-service/v2.0/message/unresolved/list POST", // app_portal/get_unresolved_messages.md
            "/app-portal-service/v2.0/user/app/list GET", // app_portal/get_user_apps.md
            "/app-portal-service/v2.2/user/domain GET", // app_portal/get_user_domain.md
            "/app-portal-service/v2.0/user/info GET", // app_portal/get_user_information.md
            "/app-portal-service/v2.2/user/structures GET", // app_portal/get_user_structures.md
            "/app-portal-service/v2.0/login POST", // app_portal/login.md
            "/app-portal-service/v2.2/login-via-code POST", // app_portal/login_via_code.md
            "/app-portal-service/v2.0/logout GET", // app_portal/logout.md
            "/app-portal-service/v2.0/token/refresh GET", // app_portal/refresh_access_token.md
            "/app-portal-service/v2.0/refreshToken/revokeAll POST", // app_portal/revoke_refresh_token.md
            "/app-portal-service/v2.0/asset/sync GET", // app_portal/sync_asset.md
            "/app-portal-service/v2.1/message/update POST", // app_portal/update_messages.md
            "/data-federation/v2.0/channels/read/{channelId}/jobs/{jobId} GET", // data_federation/get_job_details.md
            "/data-federation/v2.0/channels GET", // data_federation/list_channels.md
            "/data-federation/v2.0/channels/read/{channelId}/jobs GET", // data_federation/list_jobs.md
            "/data-federation/v2.0/channels/read/{channelId} POST", // data_federation/read_data.md
            "/data-federation/v2.0/channels/write/{channelId}/chunk-file POST", // data_federation/write_chunk_file.md
            "/data-federation/v2.0/channels/write/{channelId}/file POST", // data_federation/write_file.md
            "/data-federation/v2.0/channels/write/{channelId}/msg POST", // data_federation/write_message.md
            "/dataflow-batch-service/v2.0/flowInstances POST action=cancel", // dataflow_service/cancel_flow_instance.md
            "/dataflow-batch-service/v2.0/directories POST action=create", // dataflow_service/create_directory.md
            "/dataflow-batch-service/v2.0/flows GET action=delete", // dataflow_service/delete_flow.md
            "/dataflow-batch-service/v2.0/flows POST action=disable", // dataflow_service/disable_flow.md
            "/dataflow-batch-service/v2.0/flows POST action=enable", // dataflow_service/enable_flow.md
            "/dataflow-batch-service/v2.0/flows GET action=export", // dataflow_service/export_flow.md
            "/dataflow-batch-service/v2.0/time GET action=getCurrentTime", // dataflow_service/get_current_time.md
            "/dataflow-batch-service/v2.0/flows GET action=get", // dataflow_service/get_flow.md
            "/dataflow-batch-service/v2.0/flowInstances GET action=get", // dataflow_service/get_flow_instance.md
            "/dataflow-batch-service/v2.0/flows GET action=getMyFlow", // dataflow_service/get_my_flow.md
            "/dataflow-batch-service/v2.0/taskInstances GET action=getLog", // dataflow_service/get_task_instance_log.md
            "/dataflow-batch-service/v2.0/time GET action=getTimeZone", // dataflow_service/get_time_zone.md
            "/dataflow-batch-service/v2.0/flows POST action=import", // dataflow_service/import_flow.md
            "/dataflow-batch-service/v2.0/flowInstances POST action=search", // dataflow_service/list_flow_instances.md
            "/dataflow-batch-service/v2.0/directories GET action=listWorkFlowDirs", // dataflow_service/list_workflow_dirs.md
            "/dataflow-batch-service/v2.0/flows GET action=loadForEdit", // dataflow_service/load_flow_for_edit.md
            "/dataflow-batch-service/v2.0/flows POST action=save", // dataflow_service/save_flow.md
            "/dataflow-batch-service/v2.0/flows POST action=search", // dataflow_service/search_flow.md
            "/dataflow-batch-service/v2.0/flows POST action=trigger", // dataflow_service/trigger_flow.md
            "/dataflow-batch-service/v2.0/flows POST action=updateAndTrigger", // dataflow_service/update_and_trigger_flow.md
            "/batch-processing-service/v2.1/flowInstances POST action=cancel", // dataflow_service/v2.1/cancel_flow_instance.md
            "/batch-processing-service/v2.1/directories POST action=create", // dataflow_service/v2.1/create_directory.md
            "/batch-processing-service/v2.1/flows GET action=delete", // dataflow_service/v2.1/delete_flow.md
            "/batch-processing-service/v2.1/flows POST action=disable", // dataflow_service/v2.1/disable_flow.md
            "/batch-processing-service/v2.1/flows POST action=enable", // dataflow_service/v2.1/enable_flow.md
            "/batch-processing-service/v2.1/flows GET action=export", // dataflow_service/v2.1/export_flow.md
            "/batch-processing-service/v2.1/time GET action=getCurrentTime", // dataflow_service/v2.1/get_current_time.md
            "/batch-processing-service/v2.1/flows GET action=get", // dataflow_service/v2.1/get_flow.md
            "/batch-processing-service/v2.1/flowInstances GET action=get", // dataflow_service/v2.1/get_flow_instance.md
            "/batch-processing-service/v2.1/flows GET action=getMyFlow", // dataflow_service/v2.1/get_my_flow.md
            "/batch-processing-service/v2.1/taskInstances GET action=getLog", // dataflow_service/v2.1/get_task_instance_log.md
            "/batch-processing-service/v2.1/time GET action=getTimeZone", // dataflow_service/v2.1/get_time_zone.md
            "/batch-processing-service/v2.1/flows POST action=import", // dataflow_service/v2.1/import_flow.md
            "/batch-processing-service/v2.1/flowInstances POST action=search", // dataflow_service/v2.1/list_flow_instances.md
            "/batch-processing-service/v2.1/directories GET action=listWorkFlowDirs", // dataflow_service/v2.1/list_workflow_dirs.md
            "/batch-processing-service/v2.1/flows GET action=loadForEdit", // dataflow_service/v2.1/load_flow_for_edit.md
            "/batch-processing-service/v2.1/flows POST action=save", // dataflow_service/v2.1/save_flow.md
            "/batch-processing-service/v2.1/flows POST action=search", // dataflow_service/v2.1/search_flow.md
            "/batch-processing-service/v2.1/flows POST action=trigger", // dataflow_service/v2.1/trigger_flow.md
            "/batch-processing-service/v2.1/flows POST action=updateAndTrigger", // dataflow_service/v2.1/update_and_trigger_flow.md
            "/enos-iam-service/v2.0/organization/info POST", // iam/get_org.md
            "/enos-iam-service/v2.0/session/info POST", // iam/get_session_information.md
            "/enos-iam-service/v2.0/user/organization/list POST", // iam/list_user_organization.md
            "/enos-iam-service/v2.0/login POST", // iam/login.md
            "/ml-service/v1.0/forecasts POST action=run", // ml_service/machine_learning_forecast.md
            "/streaming/v2.0/stage-state POST action=delete", // streaming/delete_stage_state.md
            "/streaming/v2.0/stage-state POST action=get", // streaming/get_stage_state.md
    };

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(10));

    @Test
    void everyDocumentedEndpointIsServed() {
        Map<String, List<String>> served = enos.simulator().router().describe();
        List<String> missing = new ArrayList<>();
        for (String endpoint : DOCUMENTED) {
            int space = endpoint.indexOf(' ');
            String path = endpoint.substring(0, space);
            String what = endpoint.substring(space + 1);
            if (!served.getOrDefault(path, List.of()).contains(what)) {
                missing.add(endpoint);
            }
        }
        assertEquals(82, DOCUMENTED.length);
        assertEquals(List.of(), missing);
    }
}
