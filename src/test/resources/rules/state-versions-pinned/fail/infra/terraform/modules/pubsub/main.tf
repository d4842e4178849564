resource "google_pubsub_topic" "orders" {
  name = "orders"
}
