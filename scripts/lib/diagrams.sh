# Shared by scripts/demo.sh and scripts/update_docs_diagram.sh.

# best_institution KGMILL STORE: the name of the organisation (not a unit of one) with the most
# relations in STORE — the centre of a focused diagram (`kgmill render --focus NAME`). awk reads
# to the end: an early exit would stop `kgmill rank` with SIGPIPE, a failure under pipefail.
best_institution() {
  "$1" rank "$2" --by degree --top 100000 --format tsv |
    awk -F'\t' 'NR > 1 && $3 ~ /^(University|ResearchInstitute|Company|GovernmentBody|Network|InternationalOrganization|Organization)$/ && !found { print $2; found = 1 }'
}
