locals {
  name = "alphintra"
}
