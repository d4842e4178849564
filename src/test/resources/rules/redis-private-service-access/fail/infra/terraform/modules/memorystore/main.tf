resource "google_redis_instance" "cache" {
  name           = "alphintra-cache"
  memory_size_gb = 1
  connect_mode   = "DIRECT_PEERING"
}

resource "google_redis_instance" "sessions" {
  name           = "alphintra-sessions"
  memory_size_gb = 1
}
