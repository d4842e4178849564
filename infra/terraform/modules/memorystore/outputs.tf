output "instance_name" {
  description = "Name of the Memorystore instance."
  value       = google_redis_instance.cache.name
}

output "host" {
  description = "Private IP of the primary endpoint."
  value       = google_redis_instance.cache.host
}

output "port" {
  description = "Port of the primary endpoint (6378 with in-transit encryption)."
  value       = google_redis_instance.cache.port
}

output "read_endpoint" {
  description = "Private IP of the read endpoint (empty unless read replicas are on)."
  value       = google_redis_instance.cache.read_endpoint
}

output "server_ca_certificates" {
  description = "PEM CA certificates clients use to verify the server's TLS certificate (public, not secret)."
  value       = [for cert in google_redis_instance.cache.server_ca_certs : cert.cert]
}

output "auth_secret_id" {
  description = "Secret Manager secret ID that holds the AUTH string (the ID, not the string)."
  value       = google_secret_manager_secret.auth_string.secret_id
}

output "auth_secret_name" {
  description = "Full resource name of the AUTH-string secret (projects/NUMBER/secrets/ID)."
  value       = google_secret_manager_secret.auth_string.name
}
