module "gke" {
  source = "../../modules/gke"
  deletion_protection = false
}
