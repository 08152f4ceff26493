/* Built: defines no description.  */
int plain(void)
{
    return 0;
}
