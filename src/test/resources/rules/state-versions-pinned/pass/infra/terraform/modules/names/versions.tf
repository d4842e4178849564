# No google resources here: only Terraform's version matters.
terraform {
  required_version = "~> 1.6"
}
