variable "api_token" {
  type    = string
  default = "tok_live_1234567890"
}

variable "signing_material" {
  type      = string
  sensitive = true
  default   = "-----BEGIN KEY-----abc"
}

variable "users" {
  type = map(object({ password = string }))
  default = {
    admin = { password = "hunter22" }
  }
}
