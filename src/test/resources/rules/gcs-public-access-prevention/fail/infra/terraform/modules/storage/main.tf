resource "google_storage_bucket" "assets" {
  name     = "shop-assets"
  location = "US-EAST4"
}

resource "google_storage_bucket" "exports" {
  for_each                 = toset(["daily", "weekly"])
  name                     = "shop-exports-${each.value}"
  location                 = "US-EAST4"
  public_access_prevention = each.value == "daily" ? "enforced" : "inherited"
}
