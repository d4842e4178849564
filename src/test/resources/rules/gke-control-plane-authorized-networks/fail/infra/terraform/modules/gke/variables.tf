variable "google_cloud_access" {
  type    = bool
  default = false
}

variable "authorized_networks" {
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  default = [{ cidr_block = "10.100.0.0/24", display_name = "vpn" }]
}

variable "open_networks" {
  type    = list(string)
  default = ["::/0"]
}
