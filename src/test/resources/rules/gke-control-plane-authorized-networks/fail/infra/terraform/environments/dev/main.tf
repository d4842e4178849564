module "gke" {
  source = "../../modules/gke"
  google_cloud_access = true
  authorized_networks = [{ cidr_block = "0.0.0.0/0", display_name = "everyone" }]
}
