x = <<EOT
a%{ endfor }
EOT
