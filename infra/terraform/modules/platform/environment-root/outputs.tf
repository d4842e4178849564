# The outputs every environment root (environments/dev, staging, prod) passes through from its
# `module "platform"` call. This file exists once: each root's outputs.tf is a symbolic link to it, so an
# output added here reaches all three. What each output is: infra/terraform/modules/platform/outputs.tf.
output "network_name" { value = module.platform.network_name }
output "gke_cluster_name" { value = module.platform.gke_cluster_name }
output "gke_location" { value = module.platform.gke_location }
output "gke_private_endpoint_enabled" { value = module.platform.gke_private_endpoint_enabled }
output "workload_identity_service_accounts" { value = module.platform.workload_identity_service_accounts }
output "cloudsql_private_ip" { value = module.platform.cloudsql_private_ip }
output "cloudsql_connection_name" { value = module.platform.cloudsql_connection_name }
output "cloudsql_database_name" { value = module.platform.cloudsql_database_name }
output "cloudsql_app_user" { value = module.platform.cloudsql_app_user }
output "cloudsql_password_secret_ids" { value = module.platform.cloudsql_password_secret_ids }
output "redis_host" { value = module.platform.redis_host }
output "redis_port" { value = module.platform.redis_port }
output "redis_auth_secret_id" { value = module.platform.redis_auth_secret_id }
output "redis_ca_certificates" { value = module.platform.redis_ca_certificates }
output "pubsub_topic_ids" { value = module.platform.pubsub_topic_ids }
output "pubsub_subscription_ids" { value = module.platform.pubsub_subscription_ids }
output "audit_log_bucket" { value = module.platform.audit_log_bucket }
output "artifact_registry_repository" { value = module.platform.artifact_registry_repository }
output "project_id" { value = module.platform.project_id }
output "gke_dns_endpoint_enabled" { value = module.platform.gke_dns_endpoint_enabled }
output "gke_dns_endpoint" { value = module.platform.gke_dns_endpoint }
output "external_secrets_service_account" { value = module.platform.external_secrets_service_account }
output "cert_manager_service_account" { value = module.platform.cert_manager_service_account }
output "secret_manager_secret_ids" { value = module.platform.secret_manager_secret_ids }
output "cloudsql_server_ca_cert" { value = module.platform.cloudsql_server_ca_cert }
output "google_apis_cidr" { value = module.platform.google_apis_cidr }
output "rbac_groups" { value = module.platform.rbac_groups }
output "gke_control_plane_cidr" { value = module.platform.gke_control_plane_cidr }
