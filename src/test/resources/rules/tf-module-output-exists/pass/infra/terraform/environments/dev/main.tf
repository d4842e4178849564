module "app" {
  source = "../../modules/app"

  name = "alphintra-dev-app"
}

output "bucket" {
  description = "The app bucket."
  value       = module.app.bucket_name
}
