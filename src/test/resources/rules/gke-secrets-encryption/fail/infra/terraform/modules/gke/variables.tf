variable "secrets_encryption" {
  type    = string
  default = "ENCRYPTED"
}
