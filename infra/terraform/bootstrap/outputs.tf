output "state_bucket" {
  description = "Name of the remote-state bucket; put it in each environment's backend.tf."
  value       = google_storage_bucket.state.name
}

output "backend_snippet" {
  description = "A backend block for an environment's backend.tf (replace ENVIRONMENT)."
  value       = <<-EOT
    terraform {
      backend "gcs" {
        bucket = "${google_storage_bucket.state.name}"
        prefix = "environments/ENVIRONMENT"
      }
    }
  EOT
}

output "enabled_services" {
  description = "APIs enabled in the project."
  value       = sort([for service in google_project_service.required : service.service])
}
