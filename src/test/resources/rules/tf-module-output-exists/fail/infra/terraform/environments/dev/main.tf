module "app" {
  source = "../../modules/app"

  name = "alphintra-dev-app"
}

output "bucket" {
  description = "The app bucket."
  value       = module.app.bucket_url
}

output "other" {
  description = "A module that is not called."
  value       = module.storage.bucket_name
}
