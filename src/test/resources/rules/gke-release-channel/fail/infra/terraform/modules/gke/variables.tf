variable "release_channel" {
  type    = string
  default = "REGULAR"
}
