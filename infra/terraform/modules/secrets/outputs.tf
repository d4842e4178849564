output "secret_ids" {
  description = "Map of short name to Secret Manager secret ID (the ID, never the value)."
  value       = { for name, secret in google_secret_manager_secret.generated : name => secret.secret_id }
}

output "secret_names" {
  description = "Map of short name to full secret resource name (projects/NUMBER/secrets/ID)."
  value       = { for name, secret in google_secret_manager_secret.generated : name => secret.name }
}
