module "cloudsql" {
  source    = "../../modules/cloudsql"
  api_token = "tok_test_abcdef"
}

provider "google" {
  access_token = "ya29.example-token"
}
