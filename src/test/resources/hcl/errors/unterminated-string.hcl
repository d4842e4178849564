output "name" {
  value = "gke-${var.env}
}
