module "gke" {
  source = "../../modules/gke"
  authorized_networks = { vpn = { cidr_block = "10.100.0.0/24" } }
}
