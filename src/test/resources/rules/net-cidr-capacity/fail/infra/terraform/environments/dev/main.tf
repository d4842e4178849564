module "network" {
  source = "../../modules/network"

  nodes_cidr         = "10.10.0.0/24"
  pods_cidr          = "10.12.0.0/20"
  services_cidr      = "10.13.0.0/30"
  max_nodes_per_zone = 100
}
