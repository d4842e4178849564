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

output "deployer_service_account_email" {
  description = "The deployer service account (alphintra-deployer@PROJECT.iam.gserviceaccount.com); CI reads it from the repository variable GCP_DEPLOYER_SERVICE_ACCOUNT."
  value       = local.deployer_email
}

output "workload_identity_provider" {
  description = "Full resource name of the GitHub Actions provider (projects/NUMBER/locations/global/workloadIdentityPools/github/providers/github-actions) for the repository variable GCP_WORKLOAD_IDENTITY_PROVIDER; null without github_repository."
  value       = local.use_github ? google_iam_workload_identity_pool_provider.github_actions[0].name : null
}

output "gke_secrets_key" {
  description = "Cloud KMS key that encrypts the clusters' Secrets (projects/P/locations/R/keyRings/K/cryptoKeys/N)."
  value       = google_kms_crypto_key.gke_secrets.id
}
