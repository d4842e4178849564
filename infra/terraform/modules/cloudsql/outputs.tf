output "instance_name" {
  description = "Name of the Cloud SQL instance."
  value       = google_sql_database_instance.postgres.name
}

output "connection_name" {
  description = "Connection name PROJECT:REGION:INSTANCE, for the Cloud SQL connectors and Auth Proxy."
  value       = google_sql_database_instance.postgres.connection_name
}

output "private_ip_address" {
  description = "Private IP of the instance; PgBouncer in Kubernetes connects to it over TLS."
  value       = google_sql_database_instance.postgres.private_ip_address
}

output "self_link" {
  description = "Self link of the instance."
  value       = google_sql_database_instance.postgres.self_link
}

output "database_names" {
  description = "Databases created on the instance."
  value       = sort([for db in google_sql_database.platform : db.name])
}

output "user_names" {
  description = "Built-in users created on the instance."
  value       = sort([for user in google_sql_user.platform : user.name])
}

output "password_secret_ids" {
  description = "Map of user name to the Secret Manager secret ID that holds its password (the ID, not the password)."
  value       = { for user, secret in google_secret_manager_secret.user_password : user => secret.secret_id }
}

output "password_secret_names" {
  description = "Map of user name to the full secret resource name (projects/NUMBER/secrets/ID), for the Secret Manager CSI driver or External Secrets."
  value       = { for user, secret in google_secret_manager_secret.user_password : user => secret.name }
}

output "server_ca_cert" {
  description = "PEM CA certificate of the instance's server certificate (public): clients verify the server with it."
  # The provider marks the whole server_ca_cert block sensitive; a CA certificate is public.
  value = nonsensitive(google_sql_database_instance.postgres.server_ca_cert[0].cert)
}

output "server_ca_secret_id" {
  description = "Secret Manager secret ID that holds the server CA certificate (PEM)."
  value       = google_secret_manager_secret.server_ca.secret_id
}
