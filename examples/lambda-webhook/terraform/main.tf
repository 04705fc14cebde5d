# The lambda-webhook example: an EventBridge rule for the four ECS detail-types, the function
# (arm64, an esbuild bundle of handler.ts), the secret holding the webhook URL, a dead-letter
# queue for whatever could not be delivered, and nothing more in IAM than the function needs.

locals {
  bundle_dir = coalesce(var.bundle_dir, "${path.module}/../build")
  detail_types = [
    "ECS Task State Change",
    "ECS Service Action",
    "ECS Deployment State Change",
    "ECS Container Instance State Change",
  ]
}

# The secret's value is set after `terraform apply` (see README.md): a value written here would
# be stored in plain text in the Terraform state.
resource "aws_secretsmanager_secret" "webhook_url" {
  name        = "${var.name}/webhook-url"
  description = "Slack incoming webhook URL for ecs-slack (the URL itself, or JSON {\"url\": \"...\"})"
}

# Events that could not be delivered after every retry: by Lambda (the function threw, for
# example Slack was down for longer than the retries) or by EventBridge (it could not invoke the
# function). Each message body is the EventBridge event itself, ready to replay.
resource "aws_sqs_queue" "failed_events" {
  name                      = "${var.name}-failed-events"
  message_retention_seconds = 1209600 # 14 days, the maximum
  sqs_managed_sse_enabled   = true
}

data "aws_iam_policy_document" "failed_events" {
  statement {
    sid       = "EventBridgeDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failed_events.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.ecs.arn]
    }
  }

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.failed_events.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "failed_events" {
  queue_url = aws_sqs_queue.failed_events.id
  policy    = data.aws_iam_policy_document.failed_events.json
}

# Created here rather than by Lambda, so that it has a retention and the role can be limited to it.
resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

data "aws_iam_policy_document" "function" {
  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }

  statement {
    sid       = "ReadWebhookUrl"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.webhook_url.arn]
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failed_events.arn]
  }
}

resource "aws_iam_role_policy" "function" {
  name   = var.name
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}

data "archive_file" "bundle" {
  type        = "zip"
  source_dir  = local.bundle_dir
  output_path = "${path.root}/.terraform/${var.name}.zip"
}

resource "aws_lambda_function" "handler" {
  function_name    = var.name
  role             = aws_iam_role.function.arn
  runtime          = var.runtime
  architectures    = ["arm64"]
  handler          = "index.handler"
  filename         = data.archive_file.bundle.output_path
  source_code_hash = data.archive_file.bundle.output_base64sha256
  memory_size      = 256
  # The webhook sender may spend up to 10 s on retries, plus the secret read on a cold start.
  timeout = 30

  environment {
    variables = {
      SLACK_WEBHOOK_SECRET_ID = aws_secretsmanager_secret.webhook_url.arn
      ECS_SLACK_ENRICH        = var.enrich ? "true" : "false"
      NODE_OPTIONS            = "--enable-source-maps"
    }
  }

  # After Lambda's retries of an asynchronous invocation, the event goes to the queue.
  dead_letter_config {
    target_arn = aws_sqs_queue.failed_events.arn
  }

  depends_on = [aws_cloudwatch_log_group.function, aws_iam_role_policy.function, aws_iam_role_policy.enrich]
}

# The handler throws when Slack refused or could not be reached: two retries, then the queue.
resource "aws_lambda_function_event_invoke_config" "handler" {
  function_name                = aws_lambda_function.handler.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600
}

resource "aws_cloudwatch_event_rule" "ecs" {
  name        = var.name
  description = "Amazon ECS events for ecs-slack"
  event_pattern = jsonencode({
    source        = ["aws.ecs"]
    "detail-type" = local.detail_types
  })
}

resource "aws_cloudwatch_event_target" "handler" {
  rule      = aws_cloudwatch_event_rule.ecs.name
  target_id = "ecs-slack"
  arn       = aws_lambda_function.handler.arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.failed_events.arn
  }
}

resource "aws_lambda_permission" "eventbridge" {
  statement_id  = "AllowEventBridge"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.handler.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.ecs.arn
}
