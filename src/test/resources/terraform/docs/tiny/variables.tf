variable "name" {
  type        = string
  description = "Name of the thing | used in labels."
}

variable "nodes" {
  type = object({
    machine_type = string
    count        = optional(number, 1)
  })
  description = "Node pool sizing; see <docs> and `a|b`."
  default = {
    machine_type = "e2-small"
    count        = 2
  }
}

variable "password" {
  type        = string
  description = "Database password."
  sensitive   = true
}

variable "anything" {
  default = null
}
