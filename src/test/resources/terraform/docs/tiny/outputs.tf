output "id" {
  description = "ID of the thing."
  value       = "x"
}

output "token" {
  description = "Access token."
  value       = var.password
  sensitive   = true
}
