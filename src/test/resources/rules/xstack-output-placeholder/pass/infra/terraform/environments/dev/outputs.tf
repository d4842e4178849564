output "cloudsql_private_ip" {
  description = "Private IP of Cloud SQL."
  value       = "10.10.32.3"
}

output "redis_host" {
  description = "Private IP of Memorystore."
  value       = "10.10.32.8"
}
