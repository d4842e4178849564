resource "google_container_cluster" "primary" {
  name = "alphintra"
  release_channel {
    channel = var.release_channel
  }
}

resource "google_container_cluster" "unpinned" {
  name = "unpinned"
}
