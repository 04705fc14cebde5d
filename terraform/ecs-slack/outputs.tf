output "secret_name" {
  description = "Put the webhook URL into this secret (when the module created it)."
  value       = var.webhook_secret_arn == null ? aws_secretsmanager_secret.webhook_url[0].name : null
}

output "secret_arn" {
  description = "The secret the function reads the webhook URL from."
  value       = local.secret_arn
}

output "function_name" {
  description = "The Lambda function."
  value       = aws_lambda_function.handler.function_name
}

output "queue_url" {
  description = "The queue between EventBridge and the function."
  value       = aws_sqs_queue.events.url
}

output "dead_letter_queue_url" {
  description = "Events that failed five times, or that EventBridge could not queue; each body is the event, ready to replay."
  value       = aws_sqs_queue.failed_events.url
}

output "table_name" {
  description = "The DynamoDB state table."
  value       = aws_dynamodb_table.state.name
}
