# Remote state in the bucket the bootstrap root created for this project (see ../../bootstrap).
# Backend blocks cannot use variables; for another project pass -backend-config="bucket=...".
terraform {
  backend "gcs" {
    bucket = "alphintra-dev-tfstate"
    prefix = "environments/dev"
  }
}
