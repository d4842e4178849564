resource "google_storage_bucket" "assets" {
  name                        = "shop-assets"
  location                    = "US-EAST4"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

# The state bucket is the state-bucket rules' concern.
resource "google_storage_bucket" "state" {
  name     = "shop-tfstate"
  location = "US-EAST4"
}

# Unknown: a value no caller gives keeps the rule silent.
resource "google_storage_bucket" "exports" {
  name                     = "shop-exports"
  location                 = "US-EAST4"
  public_access_prevention = var.prevention
}

variable "prevention" {
  type = string
}
