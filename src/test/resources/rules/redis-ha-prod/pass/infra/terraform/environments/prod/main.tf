module "memorystore" {
  source = "../../modules/memorystore"
}
