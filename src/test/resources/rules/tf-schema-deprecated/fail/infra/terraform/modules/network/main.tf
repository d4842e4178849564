resource "google_compute_network" "main" {
  name        = "main"
  legacy_mode = true

  peering {
    peer = "other"
  }
}
