resource "google_${var.kind}" "x" {
}
