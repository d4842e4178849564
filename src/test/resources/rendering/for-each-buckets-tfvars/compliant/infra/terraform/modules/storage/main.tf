resource "google_storage_bucket" "platform" {
  for_each                    = var.buckets
  name                        = "shop-prod-${each.key}"
  location                    = "US-EAST4"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = each.value.versioned
  }
}

variable "buckets" {
  type = map(object({
    versioned = bool
  }))
  description = "The buckets by role."
}
