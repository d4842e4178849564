terraform {
  backend "gcs" {
    bucket = "alphintra-dev-tfstate"
    prefix = "environments/dev"
  }
}
