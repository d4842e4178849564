# BASIC is fine outside prod.
module "memorystore" {
  source = "../../modules/memorystore"
  tier   = "BASIC"
}
