module "network" {
  source = "../../modules/network"

  nodes_cidr         = "10.10.0.0/22"
  pods_cidr          = "10.12.0.0/14"
  max_nodes_per_zone = 100
}
