module "app" {
  source = "../../modules/app"

  region = "us-east4"
}

output "bucket" {
  description = "The app bucket."
  value       = module.app.bucket_name
}
