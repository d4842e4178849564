output "private" {
  description = "Whether nodes are private."
  value       = var.private_nodes
}
