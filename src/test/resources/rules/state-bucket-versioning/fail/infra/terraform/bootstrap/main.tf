resource "google_storage_bucket" "state" {
  name     = "alphintra-tfstate"
  location = "EU"
}

resource "google_storage_bucket" "state_archive" {
  name     = "alphintra-tfstate-archive"
  location = "EU"
  versioning {
    enabled = var.keep_versions
  }
}

variable "keep_versions" {
  type    = bool
  default = false
}
