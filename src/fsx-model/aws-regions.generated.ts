// GENERATED from the AWS SDK's partition data (@aws-sdk/core's util-endpoints partitions.js, Apache-2.0)
// by scripts/generate-aws-regions.mjs; regenerate rather than edit.

/**
 * Every AWS partition: the Regions the SDK knows in it (its pseudo-Regions such as aws-global left out:
 * they do not match the partition's own pattern) and the pattern its Region names follow.
 */
export const AWS_PARTITIONS = {
  "aws": {
    regionPattern: new RegExp("^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$"),
    regions: ["af-south-1","ap-east-1","ap-east-2","ap-northeast-1","ap-northeast-2","ap-northeast-3","ap-south-1","ap-south-2","ap-southeast-1","ap-southeast-2","ap-southeast-3","ap-southeast-4","ap-southeast-5","ap-southeast-6","ap-southeast-7","ca-central-1","ca-west-1","eu-central-1","eu-central-2","eu-north-1","eu-south-1","eu-south-2","eu-west-1","eu-west-2","eu-west-3","il-central-1","me-central-1","me-south-1","me-west-1","mx-central-1","sa-east-1","sa-west-1","us-east-1","us-east-2","us-west-1","us-west-2"],
  },
  "aws-cn": {
    regionPattern: new RegExp("^cn\\-\\w+\\-\\d+$"),
    regions: ["cn-north-1","cn-northwest-1"],
  },
  "aws-eusc": {
    regionPattern: new RegExp("^eusc\\-(de)\\-\\w+\\-\\d+$"),
    regions: ["eusc-de-east-1"],
  },
  "aws-iso": {
    regionPattern: new RegExp("^us\\-iso\\-\\w+\\-\\d+$"),
    regions: ["us-iso-east-1","us-iso-west-1"],
  },
  "aws-iso-b": {
    regionPattern: new RegExp("^us\\-isob\\-\\w+\\-\\d+$"),
    regions: ["us-isob-east-1","us-isob-west-1"],
  },
  "aws-iso-e": {
    regionPattern: new RegExp("^eu\\-isoe\\-\\w+\\-\\d+$"),
    regions: ["eu-isoe-west-1"],
  },
  "aws-iso-f": {
    regionPattern: new RegExp("^us\\-isof\\-\\w+\\-\\d+$"),
    regions: ["us-isof-east-1","us-isof-south-1"],
  },
  "aws-us-gov": {
    regionPattern: new RegExp("^us\\-gov\\-\\w+\\-\\d+$"),
    regions: ["us-gov-east-1","us-gov-west-1"],
  },
} as const;
