// A local S3 endpoint for ClusterIT: node s3rver.js DATA_DIR PORT BUCKET; prints "listening" when ready.
const S3rver = require('@20minutes/s3rver');
const FilesystemStore = require('@20minutes/s3rver/lib/stores/filesystem');

// s3rver finds a common prefix only if an object sits directly below it: "landing/" with objects
// only at landing/postings/dt=…/x.jsonl lists empty, and S3A then takes the folder for missing.
// Listed with a delimiter, keys are therefore collected without one and grouped here, as S3 does.
const listAll = FilesystemStore.prototype.listObjects;
FilesystemStore.prototype.listObjects = async function (bucket, options) {
  const { delimiter = '', prefix = '', maxKeys = Infinity } = options;
  if (!delimiter) {
    return listAll.call(this, bucket, options);
  }
  const all = await listAll.call(this, bucket, { ...options, delimiter: '', maxKeys: Infinity });
  const commonPrefixes = new Set();
  const objects = [];
  let isTruncated = false;
  for (const object of all.objects) {
    const idx = object.key.slice(prefix.length).indexOf(delimiter);
    if (idx !== -1) {
      commonPrefixes.add(object.key.slice(0, prefix.length + idx + 1));
    } else if (objects.length < maxKeys) {
      objects.push(object);
    } else {
      isTruncated = true;
      break;
    }
  }
  return { objects, commonPrefixes: [...commonPrefixes].sort(), isTruncated };
};

const [directory, port, bucket] = process.argv.slice(2);
new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true, configureBuckets: [{ name: bucket }] })
  .run()
  .then(() => console.log('listening'));
