resource "google_container_cluster" "primary" {
  name = "alphintra"
  release_channel {
    channel = "STABLE"
  }
}

# Autopilot clusters are always on a release channel.
resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  enable_autopilot = true
}
