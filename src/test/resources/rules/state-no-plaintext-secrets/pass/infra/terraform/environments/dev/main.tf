module "cloudsql" {
  source    = "../../modules/cloudsql"
  api_token = var.api_token
}

variable "api_token" {
  type      = string
  sensitive = true
}
