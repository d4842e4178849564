resource "google_redis_instance" "cache" {
  name                    = "alphintra-cache"
  memory_size_gb          = 1
  transit_encryption_mode = "DISABLED"
}

resource "google_redis_instance" "sessions" {
  name           = "alphintra-sessions"
  memory_size_gb = 1
}
