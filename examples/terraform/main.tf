# Amazon ECS alerts in Slack with Terraform, in one module call. Before `terraform apply`, from
# the folder that holds this file (docs/getting-started.md walks through it):
#
#   npx ecs-slack patterns --preset alerts --cluster prod --compact > pattern.json
#   npx esbuild handler.ts --bundle --platform=node --target=node22 --format=cjs --minify \
#     --sourcemap '--external:@aws-sdk/*' '--external:@slack/web-api' --outfile=build/index.js
#
# Installed from npm, the module is at ./node_modules/ecs-slack/terraform/ecs-slack.

module "ecs_slack" {
  source = "../../terraform/ecs-slack"

  bundle_dir    = "${path.module}/build"
  preset        = "alerts"
  clusters      = ["prod"]
  event_pattern = file("${path.module}/pattern.json")
  enrich        = false
}

output "secret_name" {
  description = "Put the webhook URL into this secret."
  value       = module.ecs_slack.secret_name
}

output "function_name" {
  description = "The Lambda function, to test with aws lambda invoke."
  value       = module.ecs_slack.function_name
}

output "dead_letter_queue_url" {
  description = "Events that could not be delivered after every retry."
  value       = module.ecs_slack.dead_letter_queue_url
}
